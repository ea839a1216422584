output "account_ids" {
  description = "Account ids by lzgen account name; downstream stacks read this."
  value = {
    "app-a"    = "444444444444"
    "app-b"    = aws_organizations_account.app-b.id
    "dev"      = aws_organizations_account.dev.id
    "identity" = aws_organizations_account.identity.id
    "network"  = "222222222222"
    "tools"    = "333333333333"
  }
}

output "ou_ids" {
  description = "OU ids by OU path."
  value = {
    "Infrastructure"    = aws_organizations_organizational_unit.infrastructure.id
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
    "Workloads"         = aws_organizations_organizational_unit.workloads.arn
    "Workloads/Prod"    = aws_organizations_organizational_unit.workloads_prod.arn
    "Workloads/NonProd" = aws_organizations_organizational_unit.workloads_nonprod.arn
  }
}
