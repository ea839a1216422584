output "vpc_peering_connection_id" {
  description = "Id of VPC peering connection saas-acme (pending until the peer accepts it)."
  value       = aws_vpc_peering_connection.saas-acme.id
}

output "saas-acme_peer_instructions" {
  description = "What the owner of vpc-0abc12345678def01 must do on their side of peering saas-acme."
  value       = "In account 999999999999, region us-east-1: accept VPC peering connection ${aws_vpc_peering_connection.saas-acme.id} from account ${local.account_id} (VPC hsm, us-east-1) to VPC vpc-0abc12345678def01, then route 10.40.0.0/27 back through it in the route tables of vpc-0abc12345678def01."
}
