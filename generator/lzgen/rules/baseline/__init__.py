"""Rules of the security baseline and account settings (LZ7xxx; LZ71xx are warnings)."""
