"""The explorer: a read-only web interface and JSON API over a Chronicle store.

``app.create_app`` builds the FastAPI application: ``api.py`` holds the JSON endpoints (under
``/api``, documented at ``/docs``), ``pages.py`` the web pages, ``state.py`` the per-thread
read-only connections and the response cache, ``params.py`` the validated query parameters.
"""
