output "account_ids" {
  description = "Account ids by lzgen account name; downstream stacks read this."
  value = {
    "app-a"       = aws_organizations_account.app-a.id
    "audit"       = aws_organizations_account.audit.id
    "log-archive" = aws_organizations_account.log-archive.id
    "network"     = aws_organizations_account.network.id
  }
}

output "ou_ids" {
  description = "OU ids by OU path."
  value = {
    "Infrastructure"    = aws_organizations_organizational_unit.infrastructure.id
    "Security"          = aws_organizations_organizational_unit.security.id
    "Workloads"         = aws_organizations_organizational_unit.workloads.id
    "Workloads/Prod"    = aws_organizations_organizational_unit.workloads_prod.id
    "Workloads/NonProd" = aws_organizations_organizational_unit.workloads_nonprod.id
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
    "Infrastructure"    = aws_organizations_organizational_unit.infrastructure.arn
    "Security"          = aws_organizations_organizational_unit.security.arn
    "Workloads"         = aws_organizations_organizational_unit.workloads.arn
    "Workloads/Prod"    = aws_organizations_organizational_unit.workloads_prod.arn
    "Workloads/NonProd" = aws_organizations_organizational_unit.workloads_nonprod.arn
  }
}
