"""Export and import dialogs, and the background-job dialog frame they share."""
