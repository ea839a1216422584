# What exists already and is adopted, not created: read this stack's plan before its first
# apply (README, First apply). `lzgen plan --offline` leaves this file out.

import {
  to = aws_organizations_account.network
  id = "222222222222"
}

import {
  to = aws_organizations_account.tools
  id = "333333333333"
}
