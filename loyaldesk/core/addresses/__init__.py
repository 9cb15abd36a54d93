"""Addresses on paper: postcard address sides (はがき宛名面), envelopes and label sheets.

compose.py: who gets one (the letters' selection and skipping rules), the printing options
and the text conversions of vertical writing (kanji or full-width numerals, vertical forms);
pdf.py: the reportlab layouts with their exact dimensions (docs/addresses.md);
message.py: the message side of postcards (はがき文面), a letter template's text per client, horizontal or vertical.
"""
