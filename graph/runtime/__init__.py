"""Support every stage shares at run time.

A request's deadline, slow work kept off the event loop, watches on memory and on the parent process.
"""
