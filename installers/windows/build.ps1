# Builds Hako's Windows installer with jpackage (run on Windows with a JDK 17+, Maven,
# and the WiX Toolset 3 on the PATH, which jpackage needs for .msi):
#
#   powershell -ExecutionPolicy Bypass -File installers\windows\build.ps1
#     -> target\installer\msi\Hako-<version>.msi
#
# A per-user install (no administrator rights) into %LOCALAPPDATA%\Hako, with a
# Start-menu entry under "Hako" and a desktop shortcut; the fixed upgrade code lets a
# newer .msi replace an older one. The version is the pom's. The runtime is trimmed
# with jlink, and the JavaFX jars sit on the class path with their DLLs beside them,
# as on Linux (see ..\common.sh for why). AppCDS: an archive only maps at the path it
# was dumped for; with JDK 17 the .msi has none, with a JDK 19 or later the runtime
# writes it on the first start (-XX:+AutoCreateSharedArchive; the per-user folder is
# writable).
$ErrorActionPreference = "Stop"
$Root = (Resolve-Path "$PSScriptRoot\..\..").Path
$Out = Join-Path $Root "target\installer"
$InputDir = Join-Path $Out "input"
$Runtime = Join-Path $Out "runtime"
$Modules = "java.base,java.desktop,java.logging,java.naming,java.sql,java.xml,java.management,jdk.unsupported,jdk.crypto.ec,jdk.localedata,jdk.charsets"
# Never change: Windows Installer recognises earlier Hako versions by it.
$UpgradeCode = "255e0701-ae0a-49e9-ba2d-e2947d434420"

Push-Location $Root
try {
    $Version = ((& mvn -B -q -DforceStdout help:evaluate "-Dexpression=project.version") -replace "\x1b\[[0-9;]*m", "" |
        Select-Object -Last 1).Trim()
    if (-not $Version) { throw "cannot read the version from pom.xml" }
    Write-Host "[installer] version $Version"

    if (Test-Path $InputDir) { Remove-Item -Recurse -Force $InputDir }
    New-Item -ItemType Directory -Force $InputDir | Out-Null
    & mvn -B -q -DskipTests package dependency:copy-dependencies -DincludeScope=runtime "-DoutputDirectory=$InputDir"
    if ($LASTEXITCODE -ne 0) { throw "maven failed" }
    Copy-Item "target\hako-$Version.jar" $InputDir
    # The javafx-* jars without a platform classifier are empty; the pom is junixsocket's aggregator.
    Get-ChildItem $InputDir | Where-Object { $_.Name -match '^javafx-[a-z]+-[0-9.]+\.jar$' -or $_.Name -like '*.pom' } |
        Remove-Item
    Add-Type -AssemblyName System.IO.Compression.FileSystem
    foreach ($jar in Get-ChildItem $InputDir -Filter 'javafx-*.jar') {
        $zip = [System.IO.Compression.ZipFile]::OpenRead($jar.FullName)
        try {
            foreach ($entry in $zip.Entries | Where-Object { $_.Name -like '*.dll' }) {
                [System.IO.Compression.ZipFileExtensions]::ExtractToFile($entry, (Join-Path $InputDir $entry.Name), $true)
            }
        } finally { $zip.Dispose() }
    }

    if (Test-Path $Runtime) { Remove-Item -Recurse -Force $Runtime }
    & jlink --add-modules $Modules --include-locales=en,ja --strip-debug --no-header-files --no-man-pages `
        --compress=2 --generate-cds-archive --output $Runtime
    if ($LASTEXITCODE -ne 0) { throw "jlink failed" }

    # Same options as on Linux (see ..\common.sh): C1 only, for a fast first frame.
    $JavaOptions = @('-Djava.library.path=$APPDIR', '-Dfile.encoding=UTF-8', '-Xss2m', '-XX:TieredStopAtLevel=1', '-Xmx256m', '-XX:+UseG1GC', '-XX:MaxGCPauseMillis=20', '-XX:G1PeriodicGCInterval=60000', '-XX:MaxHeapFreeRatio=30', '-XX:MinHeapFreeRatio=10')
    $Feature = (& "$Runtime\bin\java.exe" -XshowSettings:properties -version 2>&1 |
        Select-String 'java.specification.version' | Select-Object -First 1).ToString().Split('=')[1].Trim()
    if ([int]$Feature -ge 19) { $JavaOptions += @('-XX:+AutoCreateSharedArchive', '-XX:SharedArchiveFile=$APPDIR\hako.jsa') }

    $Dest = Join-Path $Out "msi"
    if (Test-Path $Dest) { Remove-Item -Recurse -Force $Dest }
    $PackArgs = @('--type', 'msi', '--dest', $Dest, '--name', 'Hako', '--app-version', $Version,
        '--vendor', 'Hako project', '--copyright', 'Copyright the Hako authors',
        '--description', 'Desktop console for LXD and Incus container servers',
        '--input', $InputDir, '--main-jar', "hako-$Version.jar", '--main-class', 'dev.hako.Main',
        '--runtime-image', $Runtime, '--icon', (Join-Path $Root 'icons\hako.ico'),
        '--win-per-user-install', '--win-menu', '--win-menu-group', 'Hako', '--win-shortcut',
        '--win-dir-chooser', '--win-upgrade-uuid', $UpgradeCode)
    foreach ($o in $JavaOptions) { $PackArgs += @('--java-options', $o) }
    & jpackage @Args
    if ($LASTEXITCODE -ne 0) { throw "jpackage failed" }
    Write-Host "[installer] built: $(Get-ChildItem $Dest -Name)"
} finally {
    Pop-Location
}
