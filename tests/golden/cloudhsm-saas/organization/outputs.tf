output "account_ids" {
  description = "Account ids by lzgen account name; downstream stacks read this."
  value = {
    "payments-app" = aws_organizations_account.payments-app.id
    "security"     = aws_organizations_account.security.id
  }
}

output "ou_ids" {
  description = "OU ids by OU path."
  value = {
    "Security"  = aws_organizations_organizational_unit.security.id
    "Workloads" = aws_organizations_organizational_unit.workloads.id
  }
}

output "organization_id" {
  description = "The organization's id; the log archive admits only this organization."
  value       = aws_organizations_organization.this.id
}

output "root_id" {
  description = "The organization's root; the deployer role's StackSet targets it."
  value       = aws_organizations_organization.this.roots[0].id
}

output "ou_arns" {
  description = "OU ARNs by OU path (RAM shares name OUs by ARN)."
  value = {
    "Security"  = aws_organizations_organizational_unit.security.arn
    "Workloads" = aws_organizations_organizational_unit.workloads.arn
  }
}
