import Exporter

print("tocsin-exporter, version \(BuildInfo.version)")
