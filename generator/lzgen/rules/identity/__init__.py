"""Rules about who runs lzgen's stacks: the pipeline role and the deployer role (LZ4xxx)."""
