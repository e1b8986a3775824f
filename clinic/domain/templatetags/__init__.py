"""Template tags of the clinic app: responsive images from stored renditions."""
