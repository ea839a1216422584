# What exists already and is adopted, not created: read this stack's plan before its first
# apply (README, First apply). `lzgen plan --offline` leaves this file out.

import {
  to = aws_organizations_organization.this
  id = "o-brownco0001"
}

import {
  to = aws_organizations_organizational_unit.infrastructure
  id = "ou-br01-infra001"
}

import {
  to = aws_organizations_organizational_unit.workloads
  id = "ou-br01-work0001"
}
