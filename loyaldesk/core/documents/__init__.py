"""One way to send: recipients -> compose -> render -> send -> record (pipeline.py), for every kind of
document (kinds.py); e-mail drafts (eml.py) and file names (filenames.py)."""
