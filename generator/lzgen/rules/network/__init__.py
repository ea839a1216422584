"""Rules about CIDRs, subnet carving and egress design."""
