; Inno Setup script for JCM PDD Studio (Windows x64). Installs per user without administrator
; rights by default (all users optional, from the installer's first page or /ALLUSERS); no
; download at install or first start: the whole app is in the installer.
;   iscc /DAppVersion=0.1.0 /DDist=build\frozen\jcm-pdd /DIcons=build\icons /DOut=build\dist packaging\windows\jcm-pdd.iss
; Registers .jcmpdd, .jcmpkg and .jcmreview with an icon and an Open command that starts the
; windowed app ("JCM PDD Studio.exe" FILE); jcm-pdd.exe beside it is the console command line.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef Dist
  #define Dist "..\..\build\frozen\jcm-pdd"
#endif
#ifndef Icons
  #define Icons "..\..\build\icons"
#endif
#ifndef Out
  #define Out "..\..\build\dist"
#endif
#define AppExe "JCM PDD Studio.exe"

[Setup]
AppId={{6C1F0E8A-2B7D-4C5E-9A43-0D1B7E5F3A21}
AppName=JCM PDD Studio
AppVersion={#AppVersion}
AppPublisher=JCM PDD Studio
DefaultDirName={autopf}\JCM PDD Studio
DefaultGroupName=JCM PDD Studio
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
OutputDir={#Out}
OutputBaseFilename=jcm-pdd-studio-{#AppVersion}-windows-x64-setup
SetupIconFile={#Icons}\jcm-pdd.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "ja"; MessagesFile: "compiler:Languages\Japanese.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Dist}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#Icons}\jcm-pdd.ico"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\JCM PDD Studio"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\JCM PDD Studio"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; HKA: the current user's classes for a per-user install, the machine's for all users.
Root: HKA; Subkey: "Software\Classes\.jcmpdd"; ValueType: string; ValueName: ""; ValueData: "JCMPDDStudio.Project"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.jcmpdd"; ValueType: string; ValueName: "Content Type"; ValueData: "application/vnd.jcm-pdd+zip"
Root: HKA; Subkey: "Software\Classes\JCMPDDStudio.Project"; ValueType: string; ValueName: ""; ValueData: "JCM PDD project"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\JCMPDDStudio.Project\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\jcm-pdd.ico,0"
Root: HKA; Subkey: "Software\Classes\JCMPDDStudio.Project\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.jcmpkg"; ValueType: string; ValueName: ""; ValueData: "JCMPDDStudio.Package"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.jcmpkg"; ValueType: string; ValueName: "Content Type"; ValueData: "application/vnd.jcm-pdd.package+zip"
Root: HKA; Subkey: "Software\Classes\JCMPDDStudio.Package"; ValueType: string; ValueName: ""; ValueData: "JCM validation package"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\JCMPDDStudio.Package\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\jcm-pdd.ico,0"
Root: HKA; Subkey: "Software\Classes\JCMPDDStudio.Package\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.jcmreview"; ValueType: string; ValueName: ""; ValueData: "JCMPDDStudio.Review"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.jcmreview"; ValueType: string; ValueName: "Content Type"; ValueData: "application/vnd.jcm-pdd.review+json"
Root: HKA; Subkey: "Software\Classes\JCMPDDStudio.Review"; ValueType: string; ValueName: ""; ValueData: "JCM validation review"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\JCMPDDStudio.Review\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\jcm-pdd.ico,0"
Root: HKA; Subkey: "Software\Classes\JCMPDDStudio.Review\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,JCM PDD Studio}"; Flags: nowait postinstall skipifsilent
