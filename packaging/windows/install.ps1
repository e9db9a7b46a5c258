# Install the PersonaDesigner bundle for the current user on Windows (no administrator).
# NOT TESTED on this project's CI (Linux only); see packaging/README.md.
#
#   powershell -ExecutionPolicy Bypass -File install.ps1 [-Bundle DIR]
#
# Copies the bundle folder to %LOCALAPPDATA%\Programs\PersonaDesigner, adds a Start
# menu shortcut to personadesignerw.exe (the windowed executable), and registers
# *.pdlib libraries for the user (HKCU\Software\Classes) so a double-click opens them.
# .sqlite files are only offered under "Open with" (OpenWithProgids), never taken over.
param([string]$Bundle = $PSScriptRoot)
$ErrorActionPreference = "Stop"

$exe = Join-Path $Bundle "personadesignerw.exe"
if (-not (Test-Path $exe)) { Write-Error "install.ps1: $Bundle is not a PersonaDesigner bundle folder."; exit 2 }
$target = Join-Path $env:LOCALAPPDATA "Programs\PersonaDesigner"
if (Test-Path $target) { Remove-Item -Recurse -Force $target }
Copy-Item -Recurse $Bundle $target
$app = Join-Path $target "personadesignerw.exe"

$shell = New-Object -ComObject WScript.Shell
$link = $shell.CreateShortcut((Join-Path ([Environment]::GetFolderPath("Programs")) "PersonaDesigner.lnk"))
$link.TargetPath = $app
$link.IconLocation = "$app,0"
$link.Description = "Design customer persona cards and print them"
$link.Save()

$progId = "PersonaDesigner.Library"
$classes = "HKCU:\Software\Classes"
function Set-Value($key, $name, $value) {
  # New-Item -Force would empty an existing key (other apps' values too): create only when missing.
  if (-not (Test-Path $key)) { New-Item -Path $key -Force | Out-Null }
  Set-ItemProperty -Path $key -Name $name -Value $value
}
Set-Value "$classes\.pdlib" "(default)" $progId
Set-Value "$classes\.pdlib" "Content Type" "application/x-personadesigner-library"
Set-Value "$classes\$progId" "(default)" "PersonaDesigner library"
Set-Value "$classes\$progId\DefaultIcon" "(default)" "`"$app`",0"
Set-Value "$classes\$progId\shell\open\command" "(default)" "`"$app`" `"%1`""
Set-Value "$classes\.sqlite\OpenWithProgids" $progId ""

Write-Output "PersonaDesigner is installed in $target (Start menu: PersonaDesigner)."
