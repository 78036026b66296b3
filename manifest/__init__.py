"""Regrets' Teams app package: the manifest template, the icons and the packager.

`python -m manifest` builds `build/appPackage.zip`; see `manifest/package.py`.
"""
