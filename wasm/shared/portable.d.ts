// For tsc: the AssemblyScript value types the shared files use, as TypeScript sees them.
declare type i32 = number;
declare type u32 = number;
declare type bool = boolean;
