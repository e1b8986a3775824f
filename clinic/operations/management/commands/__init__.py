"""backup, restore, load_demo, remove_demo, create_staff_user, make_social_image."""
