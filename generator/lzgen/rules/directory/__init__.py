"""Rules of shared AWS Managed Microsoft AD directories (``directories:``): names they refer
to (LZ2023), domain and NetBIOS names, where the domain controllers sit, and the consumer VPCs'
addresses, paths, shares, regions and way to Systems Manager (LZ41xx)."""
