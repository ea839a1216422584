# What exists already and is adopted, not created: read this stack's plan before its first
# apply (README, First apply). `lzgen plan --offline` leaves this file out.

import {
  to = aws_organizations_organization.this
  id = "o-a1b2c3d4e5"
}

import {
  to = aws_organizations_organizational_unit.infrastructure
  id = "ou-a1b2-11111111"
}

import {
  to = aws_organizations_organizational_unit.workloads
  id = "ou-a1b2-22222222"
}
