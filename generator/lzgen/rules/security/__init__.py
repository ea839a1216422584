"""Rules of the organization-wide security services, ``security:`` (LZ73xx)."""
