# Remove what install.ps1 installed (NOT TESTED here; see packaging/README.md).
# Your libraries and settings are kept.
$ErrorActionPreference = "Stop"
$progId = "PersonaDesigner.Library"
$classes = "HKCU:\Software\Classes"
$target = Join-Path $env:LOCALAPPDATA "Programs\PersonaDesigner"
Remove-Item -Force -ErrorAction SilentlyContinue (Join-Path ([Environment]::GetFolderPath("Programs")) "PersonaDesigner.lnk")
Remove-Item -Recurse -Force -ErrorAction SilentlyContinue "$classes\$progId"
if ((Get-ItemProperty -ErrorAction SilentlyContinue "$classes\.pdlib")."(default)" -eq $progId) {
  Remove-Item -Recurse -Force "$classes\.pdlib"
}
Remove-ItemProperty -ErrorAction SilentlyContinue "$classes\.sqlite\OpenWithProgids" -Name $progId
Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $target
Write-Output "PersonaDesigner is uninstalled; your libraries are kept."
