; Inno Setup 6 script: installs the one-folder build (dist\DangVu, from packaging\build.py) for
; the signed-in user only — %LOCALAPPDATA%\Programs\DangVu, no administrator rights — with a
; Start-menu shortcut, an optional desktop shortcut and an uninstaller.
; The data (%APPDATA%\DangVu\dangvu: the database, backups, settings) is never touched by the
; installer or the uninstaller: removing the program keeps the office's records.
;   iscc /DAppVersion=0.1.0 packaging\windows\dangvu.iss

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6F3C2A1E-5B7D-4E8A-9C10-D4A2B8E7F931}
AppName=Đảng vụ
AppVersion={#AppVersion}
AppPublisher=Văn phòng Đảng ủy Khối các cơ quan tỉnh
DefaultDirName={localappdata}\Programs\DangVu
DefaultGroupName=Đảng vụ
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=DangVu-{#AppVersion}-cai-dat
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayName=Đảng vụ {#AppVersion}
UninstallDisplayIcon={app}\DangVu.exe
SetupLogging=yes
SetupIconFile=dangvu.ico

[Languages]
; Inno Setup ships no official Vietnamese messages; our own words are in [CustomMessages].
Name: "default"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
default.DesktopIcon=Tạo lối tắt Đảng vụ trên màn hình nền
default.Shortcuts=Lối tắt:
default.OpenAfter=Mở Đảng vụ ngay

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; GroupDescription: "{cm:Shortcuts}"; Flags: unchecked

[Files]
Source: "..\..\dist\DangVu\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\Đảng vụ"; Filename: "{app}\DangVu.exe"; WorkingDir: "{app}"
Name: "{userdesktop}\Đảng vụ"; Filename: "{app}\DangVu.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\DangVu.exe"; Description: "{cm:OpenAfter}"; Flags: nowait postinstall skipifsilent
