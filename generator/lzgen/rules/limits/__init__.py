"""Limits on what lzgen renders (LZ8xxx): AWS service quotas the file would exceed
(LZ8002-LZ8006, model rules) and the stack size bound (LZ8001, checked against the plan)."""
