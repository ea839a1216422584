"""Limits on what lzgen renders (LZ8xxx): rules checked against the plan."""
