"""Rules about renames (``renamed_from``): the old name is free and the file's previous
version, with the old names back, checks (LZ2027, LZ2028)."""
