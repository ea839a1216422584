"""Rules of CloudHSM clusters (``cloudhsm_clusters:``): names they refer to (LZ2024), the HSM
VPC without an internet path and small (LZ6001-LZ6003), how many HSMs and where (LZ6004,
LZ6005), clients that reach the HSMs (LZ6006) and the KMS custom key store's trust anchor
certificate (LZ6007)."""
