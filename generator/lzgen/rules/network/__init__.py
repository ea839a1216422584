"""Rules about CIDRs, subnet carving, egress design and connected networks (TGW, VPN, peering)."""
