// Games: finite normal-form games and IEWDS (placeholder).
