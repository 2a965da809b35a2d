"""Version resources of the programs and DLLs the samples use (as Sysmon reads them from the PE)."""

WIN = "Microsoft\u00ae Windows\u00ae Operating System"
MS = "Microsoft Corporation"
B19 = "10.0.19041.%s (WinBuild.160101.0800)"

PE = {
    # basename: (FileVersion, Description, Product, Company, OriginalFileName)
    "cmd.exe": (B19 % "3636", "Windows Command Processor", WIN, MS, "Cmd.Exe"),
    "powershell.exe": (B19 % "3996", "Windows PowerShell", WIN, MS, "PowerShell.EXE"),
    "conhost.exe": (B19 % "3930", "Console Window Host", WIN, MS, "CONHOST.EXE"),
    "taskmgr.exe": (B19 % "3996", "Task Manager", WIN, MS, "Taskmgr.exe"),
    "rundll32.exe": (B19 % "3636", "Windows host process (Rundll32)", WIN, MS, "RUNDLL32.EXE"),
    "svchost.exe": (B19 % "3758", "Host Process for Windows Services", WIN, MS, "svchost.exe"),
    "taskhostw.exe": (B19 % "3758", "Host Process for Windows Tasks", WIN, MS, "taskhostw.exe"),
    "backgroundtaskhost.exe": (B19 % "3570", "Background Task Host", WIN, MS, "backgroundTaskHost.exe"),
    "runtimebroker.exe": (B19 % "3758", "Runtime Broker", WIN, MS, "RuntimeBroker.exe"),
    "searchprotocolhost.exe": ("7.0.19041.3930 (WinBuild.160101.0800)", "Microsoft Windows Search Protocol Host", WIN, MS, "SearchProtocolHost.exe"),
    "searchfilterhost.exe": ("7.0.19041.3930 (WinBuild.160101.0800)", "Microsoft Windows Search Filter Host", WIN, MS, "SearchFilterHost.exe"),
    "wmiprvse.exe": (B19 % "3636", "WMI Provider Host", WIN, MS, "Wmiprvse.exe"),
    "werfault.exe": (B19 % "3996", "Windows Problem Reporting", WIN, MS, "WerFault.exe"),
    "tasklist.exe": (B19 % "3636", "Lists the current running tasks.", WIN, MS, "tasklist.exe"),
    "notepad.exe": (B19 % "3803", "Notepad", WIN, MS, "NOTEPAD.EXE"),
    "ipconfig.exe": (B19 % "3636", "IP Configuration Utility", WIN, MS, "ipconfig.exe"),
    "whoami.exe": (B19 % "3636", "whoami - displays logged on user information", WIN, MS, "whoami.exe"),
    "net.exe": (B19 % "3636", "Net Command", WIN, MS, "net.exe"),
    "gpupdate.exe": (B19 % "3636", "Microsoft\u00ae Windows\u00ae Group Policy Update Utility", WIN, MS, "GPUpdate.exe"),
    "reg.exe": (B19 % "3636", "Registry Console Tool", WIN, MS, "reg.exe"),
    "lsass.exe": (B19 % "3996", "Local Security Authority Process", WIN, MS, "lsass.exe"),
    "rdrleakdiag.exe": (B19 % "3636", "Microsoft Windows Resource Leak Diagnostic", WIN, MS, "RdrLeakDiag.exe"),
    "mpcmdrun.exe": ("4.18.24010.12 (WinBuild.160101.0800)", "Microsoft Malware Protection Command Line Utility", WIN, MS, "MpCmdRun.exe"),
    "consent.exe": (B19 % "3636", "Consent UI for administrative applications", WIN, MS, "consent.exe"),
    "msedge.exe": ("122.0.2365.80", "Microsoft Edge", "Microsoft Edge", MS, "msedge.exe"),
    "chrome.exe": ("122.0.6261.112", "Google Chrome", "Google Chrome", "Google LLC", "chrome.exe"),
    "outlook.exe": ("16.0.17328.20184", "Microsoft Outlook", "Microsoft Outlook", MS, "Outlook.exe"),
    "excel.exe": ("16.0.17328.20184", "Microsoft Excel", "Microsoft Office", MS, "Excel.exe"),
    "winword.exe": ("16.0.17328.20184", "Microsoft Word", "Microsoft Office", MS, "WinWord.exe"),
    "ms-teams.exe": ("24033.811.2738.2546", "Microsoft Teams", "Microsoft Teams", MS, "ms-teams.exe"),
    "onedrive.exe": ("24.030.0211.0002", "Microsoft OneDrive", "Microsoft OneDrive", MS, "OneDrive.exe"),
    "code.exe": ("1.87.1", "Visual Studio Code", "Visual Studio Code", MS, "electron.exe"),
    "git.exe": ("2.44.0.windows.1", "Git for Windows", "Git", "The Git Development Community", "git.exe"),
    "python.exe": ("3.11.8", "Python", "Python", "Python Software Foundation", "python.exe"),
    "dotnet.exe": ("8.0.224.6711", ".NET Host", "Microsoft\u00ae .NET", MS, ".NET Host"),
    "devenv.exe": ("17.9.34622.214", "Microsoft Visual Studio 2022", "Microsoft\u00ae Visual Studio\u00ae", MS, "devenv.exe"),
    "procdump.exe": ("10.11", "Sysinternals process dump utility", "ProcDump", "Sysinternals - www.sysinternals.com", "procdump"),
    "procdump64.exe": ("10.11", "Sysinternals process dump utility", "ProcDump", "Sysinternals - www.sysinternals.com", "procdump"),
    "createdump.exe": ("8,0,224,6711 @Commit: 6b6bd4a5b7c9e0f21fc4d9c4a2c5ee49cc2a4df8", "Microsoft .NET Runtime Dump Utility", "Microsoft\u00ae .NET", MS, "createdump.exe"),
    "sqldumper.exe": ("2019.150.4345.5", "SQL Server Windows NT - 64 Bit", "Microsoft SQL Server", MS, "SQLDUMPER.EXE"),
    "dumpminitool.exe": ("17.9.0", "DumpMinitool", "Microsoft\u00ae Visual Studio\u00ae", MS, "DumpMinitool.exe"),
    "sqlservr.exe": ("2019.150.4345.5", "SQL Server Windows NT - 64 Bit", "Microsoft SQL Server", MS, "SQLServr.exe"),
    "vmtoolsd.exe": ("12.3.5.46049", "VMware Tools Core Service", "VMware Tools", "VMware, Inc.", "vmtoolsd.exe"),
    "veeamagent.exe": ("12.1.1.56", "Veeam Agent", "Veeam Agent for Microsoft Windows", "Veeam Software Group GmbH", "VeeamAgent.exe"),
    "robocopy.exe": (B19 % "3636", "Microsoft Robocopy", WIN, MS, "robocopy.exe"),
}
UNKNOWN_PE = ("-", "-", "-", "-", "-")

DLL = {
    # basename: (FileVersion, Description, Product, Company, OriginalFileName ('*' = file name), Signature)
    "comsvcs.dll": (B19 % "3996", "COM+ Services", WIN, MS, "COMSVCS.DLL", "Microsoft Windows"),
    "dbghelp.dll": (B19 % "3636", "Windows Image Helper", WIN, MS, "DBGHELP.DLL", "Microsoft Windows"),
    "dbgcore.dll": (B19 % "3636", "Windows DbgCore Library", WIN, MS, "DBGCORE.DLL", "Microsoft Windows"),
    "ntdll.dll": (B19 % "3996", "NT Layer DLL", WIN, MS, "ntdll.dll", "Microsoft Windows"),
    "kernel32.dll": (B19 % "3996", "Windows NT BASE API Client DLL", WIN, MS, "kernel32", "Microsoft Windows"),
    "amsi.dll": (B19 % "3636", "Anti-Malware Scan Interface", WIN, MS, "amsi.dll", "Microsoft Windows"),
    "wininet.dll": ("11.00.19041.3996 (WinBuild.160101.0800)", "Internet Extensions for Win32", "Internet Explorer", MS, "wininet.dll", "Microsoft Windows"),
    "winhttp.dll": (B19 % "3930", "Windows HTTP Services", WIN, MS, "winhttp.dll", "Microsoft Windows"),
    "vaultcli.dll": (B19 % "3636", "Credential Vault Client Library", WIN, MS, "vaultcli.dll", "Microsoft Windows"),
    "samlib.dll": (B19 % "3636", "SAM Library DLL", WIN, MS, "samlib.dll", "Microsoft Windows"),
    "clr.dll": ("4.8.9181.0 built by: NET481REL1LAST_C", "Microsoft .NET Runtime Common Language Runtime - WorkStation", "Microsoft\u00ae .NET Framework", MS, "clr.dll", "Microsoft Windows"),
    "mpoav.dll": ("4.18.24010.12 (WinBuild.160101.0800)", "IOfficeAntiVirus Module", WIN, MS, "MpOAV.dll", "Microsoft Windows Publisher"),
    "urlmon.dll": ("11.00.19041.3996 (WinBuild.160101.0800)", "OLE32 Extensions for Win32", "Internet Explorer", MS, "UrlMon.dll", "Microsoft Windows"),
    "_default": (B19 % "3636", "-", WIN, MS, "*", "Microsoft Windows"),
}


def pe_info(image):
    return PE.get(image.rsplit("\\", 1)[-1].lower(), UNKNOWN_PE)
