"""Search of every conversation in the GUI: the Search everything window, snippets, the index build."""
