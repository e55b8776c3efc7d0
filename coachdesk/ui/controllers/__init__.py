"""Workflows between the screens and the services, one controller per workflow.

The main window builds the screens and menus and routes what they ask for to a controller;
a controller asks the coach what it needs (file dialogs, confirmations), calls the services
and tells the window what to show next. A new workflow gets a controller of its own here.
"""
