"""Background work: tasks on Django's Tasks API, retried on failure, and what is pending or failed.

The tasks run in `manage.py db_worker` processes (django-tasks-db's database backend, so every
app server shares one queue through the database). `make run` starts one beside the server;
deployments run `clinic/config/deploy/systemd/clinic-worker.service`.
"""
