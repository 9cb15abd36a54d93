"""The Reports screen: the annual client report."""
