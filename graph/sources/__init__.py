"""Stage 1, reading and decoding: a file of any supported format to one ``Document`` (text, metadata, script)."""
