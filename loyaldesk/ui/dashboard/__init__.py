"""The dashboard screen: whom to contact today and why, figures, charts, referrals."""
