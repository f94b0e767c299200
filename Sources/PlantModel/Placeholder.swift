enum PlantModelPlaceholder {}
