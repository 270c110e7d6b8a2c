// The namespaces most files of the emulator use, imported once here rather than at the top of every file.
// A file still names the rarer ones it needs itself.
global using System;
global using System.Collections.Generic;
global using System.Globalization;
global using System.Linq;
global using System.Text;
global using System.Text.Json;
global using System.Text.Json.Nodes;
global using System.Threading.Tasks;
global using Microsoft.AspNetCore.Http;
global using Microsoft.Data.Sqlite;

global using RdsRecovery.Emulator.Hosting;
global using RdsRecovery.Emulator.Http;
global using RdsRecovery.Emulator.Rules;
global using RdsRecovery.Emulator.Store;
