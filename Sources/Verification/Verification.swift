// Verification: incentive properties as Z3 queries (placeholder).
