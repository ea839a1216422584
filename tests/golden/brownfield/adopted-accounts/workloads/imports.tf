# What exists already and is adopted, not created: read this stack's plan before its first
# apply (README, First apply). `lzgen plan --offline` leaves this file out.

import {
  to = aws_organizations_account.legacy
  id = "210000000003"
}
