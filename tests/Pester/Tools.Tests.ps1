# The developer tools a user meets first: build.ps1 -Task Emulator (quick, JSON line first, -DataFile, -Reset)
# and the demo (leaves no temporary file behind).
BeforeAll {
    $repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $pwshDll = Join-Path $PSHOME 'pwsh.dll'
    $workDir = Join-Path ([IO.Path]::GetTempPath()) ('rds-tools-tests-' + [guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Path $workDir | Out-Null

    # Starts 'dotnet pwsh build.ps1 -Task Emulator ...'; returns the process, its first stdout line and a stderr reader.
    function Start-EmulatorTask([string[]] $Arguments) {
        $start = [Diagnostics.ProcessStartInfo]::new('dotnet')
        foreach ($a in @($pwshDll, '-NoProfile', '-NonInteractive', '-File', (Join-Path $repoRoot 'build.ps1'), '-Task', 'Emulator', '-Port', '0') + $Arguments) { $start.ArgumentList.Add($a) }
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $start.UseShellExecute = $false
        $process = [Diagnostics.Process]::Start($start)
        $stderr = $process.StandardError.ReadToEndAsync()
        $first = $process.StandardOutput.ReadLineAsync()
        if (-not $first.Wait([TimeSpan]::FromSeconds(180))) { $process.Kill($true); throw 'No first line from the Emulator task.' }
        [pscustomobject]@{ Process = $process; FirstLine = $first.Result; Stderr = $stderr }
    }

    function Stop-EmulatorTask($Task) {
        # The task's pwsh runs the emulator as its child: end both (processes this test started).
        if (-not $Task.Process.HasExited) { $Task.Process.Kill($true) }
        $Task.Process.WaitForExit(10000) | Out-Null
        $Task.Stderr.Wait(10000) | Out-Null
        $Task.Stderr.Result
    }
}

AfterAll { Remove-Item $workDir -Recurse -Force -ErrorAction SilentlyContinue }

Describe 'build.ps1 -Task Emulator' {
    It 'prints the JSON line first, uses -DataFile, keeps its data, and reseeds with -Reset; an up-to-date emulator is not rebuilt' {
        $dataFile = Join-Path $workDir 'emulator.db'
        $dll = Join-Path $repoRoot 'src/RdsRecovery.Emulator/bin/Release/net10.0/RdsRecovery.Emulator.dll'
        $builtBefore = (Get-Item $dll).LastWriteTimeUtc

        $task = Start-EmulatorTask @('-DataFile', $dataFile)
        try {
            $info = $task.FirstLine | ConvertFrom-Json
            $info.baseUri | Should -Match '^http://127\.0\.0\.1:\d+$'
            (Invoke-RestMethod "$($info.baseUri)/_emulator/info").dataFile | Should -Be $dataFile
            Invoke-RestMethod "$($info.baseUri)/_emulator/instances/bi-sql2016-web/databases" -Method Put -ContentType 'application/json' -Body '{"databases":["reporting"]}' | Out-Null
        }
        finally { $stderr = Stop-EmulatorTask $task }
        $stderr | Should -Not -Match 'RdsRecovery\.Emulator ->' -Because 'nothing changed, so nothing is built'
        (Get-Item $dll).LastWriteTimeUtc | Should -Be $builtBefore

        $kept = Start-EmulatorTask @('-DataFile', $dataFile)
        try { (Invoke-RestMethod "$(($kept.FirstLine | ConvertFrom-Json).baseUri)/_emulator/instances/bi-sql2016-web/data").databases.name | Should -Be @('reporting') }
        finally { Stop-EmulatorTask $kept | Out-Null }

        $reset = Start-EmulatorTask @('-DataFile', $dataFile, '-Reset')
        try { (Invoke-RestMethod "$(($reset.FirstLine | ConvertFrom-Json).baseUri)/_emulator/instances/bi-sql2016-web/data").databases.name | Should -Be @('sales', 'reporting') }
        finally { Stop-EmulatorTask $reset | Out-Null }
    }
}

Describe 'tools/Demo.ps1' {
    It 'runs to the end and leaves no temporary file behind' {
        $temp = Join-Path $workDir 'demo-temp'
        New-Item -ItemType Directory -Path $temp | Out-Null
        $start = [Diagnostics.ProcessStartInfo]::new('dotnet')
        foreach ($a in $pwshDll, '-NoProfile', '-NonInteractive', '-File', (Join-Path $repoRoot 'tools/Demo.ps1'), '-ModulePath', $env:RDSRECOVERY_MODULE,
            '-EmulatorDll', (Join-Path $repoRoot 'src/RdsRecovery.Emulator/bin/Release/net10.0/RdsRecovery.Emulator.dll')) { $start.ArgumentList.Add($a) }
        # Every temporary file of the demo and its emulator lands here (.NET's temp path follows TMPDIR / TEMP).
        $start.Environment['TMPDIR'] = $temp
        $start.Environment['TEMP'] = $temp
        $start.Environment['TMP'] = $temp
        $start.RedirectStandardOutput = $true
        $start.UseShellExecute = $false
        $process = [Diagnostics.Process]::Start($start)
        $output = $process.StandardOutput.ReadToEndAsync()
        if (-not $process.WaitForExit(300000)) { $process.Kill($true); throw 'The demo did not finish in 5 minutes.' }
        $process.ExitCode | Should -Be 0 -Because $output.Result
        $output.Result | Should -Match 'Demo finished'
        @(Get-ChildItem $temp -Recurse -Force).FullName | Should -BeNullOrEmpty
    }
}
