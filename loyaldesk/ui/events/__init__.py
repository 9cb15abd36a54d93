"""The Events screen and the community view."""
