// Placeholder so that the package builds while AvtalPublishingTests is being written; delete when it has files.
