; Inno Setup script for a per-user Windows installer of the PyInstaller one-folder build.
; On Windows: run packaging\build.ps1 first, then: iscc packaging\windows\coachdesk.iss
#define AppVersion GetEnv("COACHDESK_VERSION")

[Setup]
AppId={{7C1B6E0A-3B5F-4C2E-9C61-5E2B9B8F3C11}
AppName=CoachDesk
AppVersion={#AppVersion}
AppPublisher=CoachDesk
DefaultDirName={localappdata}\Programs\CoachDesk
DefaultGroupName=CoachDesk
PrivilegesRequired=lowest
OutputDir=..\..\dist
OutputBaseFilename=CoachDesk-{#AppVersion}-setup
SetupIconFile=..\build\coachdesk.ico
Compression=lzma2
SolidCompression=yes

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\..\dist\CoachDesk\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\CoachDesk"; Filename: "{app}\coachdesk.exe"
Name: "{userdesktop}\CoachDesk"; Filename: "{app}\coachdesk.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Snelkoppeling op het bureaublad"; Flags: unchecked
