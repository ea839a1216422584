"""Rules about IAM Identity Center (``identity_center:``): permission sets, groups and their
assignments (LZ42xx)."""
