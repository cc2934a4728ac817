// Placeholder so that the package builds while AvtalPublishing is being written; delete when it has files.
