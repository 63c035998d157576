# Installs the Subvenții ONG shared service as a Windows service with NSSM (https://nssm.cc, nssm.exe on the PATH).
# Run in an elevated PowerShell from the folder of the built app:  .\server\deploy\install-windows-service.ps1 -DatabaseUrl "postgres://subventii_owner:PAROLA@127.0.0.1:5432/subventii"
param(
  [Parameter(Mandatory = $true)] [string] $DatabaseUrl,
  [string] $AppDir = (Resolve-Path "$PSScriptRoot\..\.."),
  [string] $ListenHost = "0.0.0.0",
  [int] $Port = 8443,
  [string] $CertFile = "C:\ProgramData\SubventiiONG\tls\server.crt",
  [string] $KeyFile = "C:\ProgramData\SubventiiONG\tls\server.key",
  [string] $ServiceName = "SubventiiONG"
)
$ErrorActionPreference = "Stop"
$node = (Get-Command node.exe).Source
if (-not (Get-Command nssm.exe -ErrorAction SilentlyContinue)) { throw "nssm.exe nu este instalat (https://nssm.cc)." }
if (-not (Test-Path "$AppDir\.vite\server\main.js")) { throw "Lipsește $AppDir\.vite\server\main.js: rulați întâi npm ci, npm run build:web și npx vite build --config vite.server.config.ts." }
foreach ($f in @($CertFile, $KeyFile)) { if (-not (Test-Path $f)) { throw "Lipsește fișierul TLS $f." } }

nssm install $ServiceName $node ".vite\server\main.js"
nssm set $ServiceName AppDirectory $AppDir
nssm set $ServiceName DisplayName "Subvenții ONG — serviciul partajat"
nssm set $ServiceName Start SERVICE_AUTO_START
nssm set $ServiceName AppEnvironmentExtra "DATABASE_URL=$DatabaseUrl" "HOST=$ListenHost" "PORT=$Port" "TLS_CERT_FILE=$CertFile" "TLS_KEY_FILE=$KeyFile" "STATIC_DIR=$AppDir\dist-web"
nssm set $ServiceName AppStdout "C:\ProgramData\SubventiiONG\logs\service.log"
nssm set $ServiceName AppStderr "C:\ProgramData\SubventiiONG\logs\service.log"
nssm set $ServiceName AppRotateFiles 1
New-Item -ItemType Directory -Force "C:\ProgramData\SubventiiONG\logs" | Out-Null
New-NetFirewallRule -DisplayName "Subvenții ONG ($Port)" -Direction Inbound -Protocol TCP -LocalPort $Port -Action Allow -Profile Domain | Out-Null
nssm start $ServiceName
Write-Host "Serviciul $ServiceName pornit pe https://$($env:COMPUTERNAME):$Port"
