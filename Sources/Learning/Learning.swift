// Learning: data sets, models and training (placeholder).
