output "deployer_role_name" {
  description = "The role every member-account stack assumes."
  value       = "lzgen-deployer"
}
